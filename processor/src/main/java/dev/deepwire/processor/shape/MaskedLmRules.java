package dev.deepwire.processor.shape;

import dev.deepwire.processor.model.TiedEmbedding;
import java.util.List;

/** The shape inference of {@code @MaskedLmHead}. Pure functions. */
public final class MaskedLmRules {

  private MaskedLmRules() {}

  /**
   * {@code [batch, time, d]}, {@code [batch, slots]} positions and {@code [batch, slots]} loss weights to
   * {@code [batch, slots, vocabulary]}, where the tied embedding's dimension is {@code d}.
   */
  public static ShapeResult head(String node, double epsilon, TiedEmbedding.Resolution tied, List<NamedShape> ins) {
    String label = "@MaskedLmHead on '" + node + "'";
    if (tied.embedding().isEmpty()) {
      return ShapeResult.error("MaskedLmHead.tiedTo", label + " needs tiedTo to name an @Embedding, but "
          + tied.problem() + ". Name it as 'layer' or 'subModelMember.layer'.", "tiedTo");
    }
    if (!(epsilon > 0)) {
      return ShapeResult.error("MaskedLmHead.epsilon", label + " needs epsilon > 0, but found epsilon = " + epsilon
          + ".", "epsilon");
    }
    if (ins.size() != 3) {
      return ShapeResult.error("MaskedLmHead.params", label + " needs three inputs (the encoded sequence, the"
          + " chosen positions and their loss weights), but found " + ins.size() + ". Declare it as 'Tensor " + node
          + "(Tensor encoded, Tensor positions, Tensor weights)'.");
    }
    NamedShape encoded = ins.get(0);
    if (encoded.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " needs a sequence [batch, time, d], but '" + encoded.name()
          + "' is " + encoded.shape() + ".");
    }
    NamedShape positions = ins.get(1);
    NamedShape weights = ins.get(2);
    if (positions.shape().rank() != 2 || !positions.shape().equals(weights.shape())) {
      return ShapeResult.error("MaskedLmHead.slots", label + " needs positions and weights of one shape [batch,"
          + " slots], but '" + positions.name() + "' is " + positions.shape() + " and '" + weights.name() + "' is "
          + weights.shape() + ".");
    }
    TiedEmbedding embedding = tied.embedding().get();
    if (encoded.shape().last() != embedding.dimension()) {
      return ShapeResult.error("MaskedLmHead.tiedTo", label + " needs the encoded width to equal the tied"
          + " @Embedding's dimension " + embedding.dimension() + ", but '" + encoded.name() + "' is "
          + encoded.shape() + ".", "tiedTo");
    }
    return ShapeResult.ok(Shape.of(positions.shape().dims().get(0), embedding.vocabulary()));
  }
}
