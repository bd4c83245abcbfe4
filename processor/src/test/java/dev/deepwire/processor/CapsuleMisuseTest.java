package dev.deepwire.processor;

import static dev.deepwire.processor.Sources.assertError;

import org.junit.jupiter.api.Test;

/** Misuses of capsule and distance layers and their losses: javac errors on the offending line. */
class CapsuleMisuseTest {

  @Test
  void primaryCapsNeedAnImage() {
    assertError("""
        @Model(loss = MARGIN)
        interface Net {
          @Input(shape = 784) Tensor pixels();
          @PrimaryCaps(channels = 8, dimension = 8) Tensor primary(Tensor pixels);
          @Capsules(count = 10, dimension = 16) Tensor classes(Tensor primary);
          @Output @CapsuleLength Tensor scores(Tensor classes);
        }
        """, "[Shape.rank] @PrimaryCaps on 'primary' needs a rank-4 input [batch, height, width, channels], but"
        + " 'pixels' is [batch, 784]; give an image its channel with @Reshape, e.g. {28, 28, 1}.", "Tensor primary(");
  }

  @Test
  void capsulesNeedRoutingIterations() {
    assertError("""
        @Model(loss = MARGIN)
        interface Net {
          @Input(shape = {12, 12, 1}) Tensor image();
          @PrimaryCaps(channels = 2, dimension = 4, kernel = 5) Tensor primary(Tensor image);
          @Capsules(count = 10, dimension = 16, routing = 0) Tensor classes(Tensor primary);
          @Output @CapsuleLength Tensor scores(Tensor classes);
        }
        """, "[Capsules.routing] @Capsules on 'classes' needs routing >= 1, but found routing = 0. Use routing >= 1.",
        "routing = 0");
  }

  @Test
  void capsuleMaskNeedsAOneHotLabelPerCapsule() {
    assertError("""
        @Model(loss = MARGIN)
        interface Net {
          @Input(shape = {12, 12, 1}) Tensor image();
          @Input(shape = 1) Tensor label();
          @PrimaryCaps(channels = 2, dimension = 4, kernel = 5) Tensor primary(Tensor image);
          @Capsules(count = 10, dimension = 16) Tensor classes(Tensor primary);
          @Output @CapsuleLength Tensor scores(Tensor classes);
          @CapsuleMask Tensor masked(Tensor classes, Tensor label);
          @Output(loss = MSE) @Dense(units = 4) Tensor decoded(Tensor masked);
        }
        """, "[CapsuleMask.label] @CapsuleMask on 'masked' needs a one-hot label [batch, 10] for the 10 capsules of"
        + " 'classes', but 'label' is [batch, 1]. Feed the label one-hot, e.g. @Input(shape = 10).", "Tensor masked(");
  }

  @Test
  void marginLossNeedsCapsuleLengths() {
    assertError("""
        @Model(loss = MARGIN)
        interface Net {
          @Input(shape = {12, 12, 1}) Tensor image();
          @PrimaryCaps(channels = 2, dimension = 4, kernel = 5) Tensor primary(Tensor image);
          @Output @Capsules(count = 10, dimension = 16) Tensor scores(Tensor primary);
        }
        """, "[Loss.margin] @Output on 'scores' uses loss MARGIN, which needs capsule lengths [batch, classes] with"
        + " at least 2 classes, but 'scores' is [batch, 10, 16]. Put @CapsuleLength on the class capsules.",
        "Tensor scores(");
  }

  @Test
  void distanceNeedsCodesOfOneShape() {
    assertError("""
        @Model(loss = CONTRASTIVE)
        interface Net {
          @Input(shape = 8) Tensor left();
          @Input(shape = 4) Tensor right();
          @Output @Distance Tensor distance(Tensor left, Tensor right);
        }
        """, "[Distance.shape] @Distance on 'distance' needs codes of one rank-2 shape [batch, d], but 'left' is"
        + " [batch, 8] and 'right' is [batch, 4]. Flatten or project them to one size, e.g. with @Dense.",
        "Tensor distance(");
  }

  @Test
  void tripletLossNeedsThreeCodes() {
    assertError("""
        @Model(loss = TRIPLET)
        interface Net {
          @Input(shape = 8) Tensor left();
          @Input(shape = 8) Tensor right();
          @Output @Distance Tensor distance(Tensor left, Tensor right);
        }
        """, "[Loss.triplet] @Output on 'distance' uses loss TRIPLET, which needs [batch, 2] anchor-positive and"
        + " anchor-negative distances, but 'distance' is [batch, 1]. Use @Distance on three codes (anchor, positive,"
        + " negative).", "Tensor distance(");
  }

  @Test
  void distanceTakesTwoOrThreeCodes() {
    assertError("""
        @Model(loss = CONTRASTIVE)
        interface Net {
          @Input(shape = 8) Tensor left();
          @Output @Distance Tensor distance(Tensor left);
        }
        """, "[Distance.arity] @Distance on 'distance' needs 2 inputs (a pair) or 3 (anchor, positive, negative), but"
        + " found 1. Pass the codes to compare.", "Tensor distance(");
  }

  @Test
  void distanceMarginMustBePositive() {
    assertError("""
        @Model(loss = CONTRASTIVE)
        interface Net {
          @Input(shape = 8) Tensor left();
          @Input(shape = 8) Tensor right();
          @Output @Distance(value = DistanceKind.COSINE, margin = 0) Tensor distance(Tensor left, Tensor right);
        }
        """, "[Distance.margin] @Distance on 'distance' needs margin > 0, but found margin = 0.0. Use a positive"
        + " margin, e.g. 1 for L2 or 0.5 for COSINE.", "margin = 0");
  }
}
