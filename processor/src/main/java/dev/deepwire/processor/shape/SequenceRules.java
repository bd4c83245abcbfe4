package dev.deepwire.processor.shape;

import java.util.List;

/** The shape inference of sequence generation layers. Pure functions. */
public final class SequenceRules {

  private SequenceRules() {}

  /**
   * {@code @SequenceDecoder}: an encoding ({@code [batch, time, key]}, or {@code [batch, key]} without attention)
   * and teacher-forcing tokens {@code [batch, length]} to probabilities {@code [batch, length, vocabulary]}.
   */
  public static ShapeResult sequenceDecoder(String node, int vocabulary, int embedding, int units, String attention,
      int attentionUnits, List<NamedShape> ins) {
    String label = "@SequenceDecoder on '" + node + "'";
    if (vocabulary < 5) {
      return ShapeResult.error("SequenceDecoder.vocabulary", label + " needs vocabulary >= 5 (PAD, BOS, EOS, UNK and"
          + " at least one token), but found vocabulary = " + vocabulary + ". Use the size of the output token"
          + " vocabulary.", "vocabulary");
    }
    if (embedding < 1) {
      return ShapeResult.error("SequenceDecoder.embedding", label + " needs embedding >= 1, but found embedding = "
          + embedding + ". Use a positive vector size such as 64.", "embedding");
    }
    if (units < 1) {
      return ShapeResult.error("SequenceDecoder.units", label + " needs units >= 1, but found units = " + units
          + ". Use a positive number of units.", "units");
    }
    if (attentionUnits < 0) {
      return ShapeResult.error("SequenceDecoder.attentionUnits", label + " needs attentionUnits >= 0 (0 = units),"
          + " but found attentionUnits = " + attentionUnits + ".", "attentionUnits");
    }
    NamedShape encoding = ins.get(0);
    NamedShape tokens = ins.get(1);
    int rank = encoding.shape().rank();
    if (rank != 2 && rank != 3) {
      return ShapeResult.error("Shape.rank", label + " needs an encoding [batch, time, key] or [batch, key], but '"
          + encoding.name() + "' is " + encoding.shape() + ".");
    }
    if (rank == 2 && !attention.equals("NONE")) {
      return ShapeResult.error("SequenceDecoder.attention", label + " attends with " + attention + ", which needs"
          + " encoder outputs [batch, time, key], but '" + encoding.name() + "' is " + encoding.shape()
          + ". Use attention = NONE for a vector encoding, or returnSequences = true on the encoder.", "attention");
    }
    if (tokens.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", label + " needs decoder input tokens [batch, length] as its second"
          + " input, but '" + tokens.name() + "' is " + tokens.shape() + "; declare them as @Input(shape = length).");
    }
    return ShapeResult.ok(Shape.of(tokens.shape().dims().get(0), vocabulary));
  }
}
