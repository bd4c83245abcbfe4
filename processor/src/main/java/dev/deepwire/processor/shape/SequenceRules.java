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
      return tooSmallVocabulary("SequenceDecoder", label, vocabulary);
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

  /**
   * {@code @TransformerDecoder}: encoder outputs {@code [batch, time, key]} and teacher-forcing tokens
   * {@code [batch, length]} to probabilities {@code [batch, length, vocabulary]}.
   */
  public static ShapeResult transformerDecoder(String node, int vocabulary, int units, int layers, int heads,
      int feedForward, double dropout, List<NamedShape> ins) {
    String label = "@TransformerDecoder on '" + node + "'";
    if (vocabulary < 5) {
      return tooSmallVocabulary("TransformerDecoder", label, vocabulary);
    }
    if (layers < 1) {
      return ShapeResult.error("TransformerDecoder.layers", label + " needs layers >= 1, but found layers = " + layers
          + ".", "layers");
    }
    if (heads < 1 || units < 1 || units % heads != 0) {
      return ShapeResult.error("TransformerDecoder.heads", label + " needs units to be a positive multiple of heads"
          + " (each head gets units / heads), but found units = " + units + " and heads = " + heads + ".", "heads");
    }
    if (feedForward < 0) {
      return ShapeResult.error("TransformerDecoder.feedForward", label + " needs feedForward >= 0 (0 = 4 × units),"
          + " but found feedForward = " + feedForward + ".", "feedForward");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      return ShapeResult.error("TransformerDecoder.dropout", label + " needs dropout in [0, 1), but found dropout = "
          + dropout + ".", "dropout");
    }
    NamedShape encoding = ins.get(0);
    NamedShape tokens = ins.get(1);
    if (encoding.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " needs encoder outputs [batch, time, key] as its first input,"
          + " but '" + encoding.name() + "' is " + encoding.shape() + ". Use returnSequences = true on a recurrent"
          + " encoder, or a @TransformerEncoder.");
    }
    if (tokens.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", label + " needs decoder input tokens [batch, length] as its second"
          + " input, but '" + tokens.name() + "' is " + tokens.shape() + "; declare them as @Input(shape = length).");
    }
    return ShapeResult.ok(Shape.of(tokens.shape().dims().get(0), vocabulary));
  }

  /** A decoder's vocabulary must hold the four special ids and at least one token. */
  private static ShapeResult tooSmallVocabulary(String annotation, String label, int vocabulary) {
    return ShapeResult.error(annotation + ".vocabulary", label + " needs vocabulary >= 5 (PAD, BOS, EOS, UNK and at"
        + " least one token), but found vocabulary = " + vocabulary + ". Use the size of the output token"
        + " vocabulary.", "vocabulary");
  }
}
