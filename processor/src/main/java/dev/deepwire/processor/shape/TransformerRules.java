package dev.deepwire.processor.shape;

import java.util.List;

/** The shape inference of the attention and transformer layers. Pure functions. */
public final class TransformerRules {

  private TransformerRules() {}

  /** {@code @LayerNorm}: any rank ≥ 2, same shape out. */
  public static ShapeResult layerNorm(String node, double epsilon, NamedShape in) {
    if (!(epsilon > 0)) {
      return ShapeResult.error("LayerNorm.epsilon", "@LayerNorm on '" + node + "' needs epsilon > 0, but found"
          + " epsilon = " + epsilon + ". Use a small positive number such as 1e-6.", "epsilon");
    }
    return ShapeResult.ok(in.shape());
  }

  /** A layer that keeps a {@code [batch, time, features]} shape ({@code @PositionalEmbedding}). */
  public static ShapeResult sequenceShaped(String label, String node, NamedShape in) {
    if (in.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " on '" + node + "' needs a sequence [batch, time, features],"
          + " but '" + in.name() + "' is " + in.shape() + "; put it after an @Embedding.");
    }
    return ShapeResult.ok(in.shape());
  }

  /** {@code @PoolTokens}: {@code [batch, time, d]} to {@code [batch, d]}. */
  public static ShapeResult poolTokens(String node, NamedShape in) {
    if (in.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", "@PoolTokens on '" + node + "' needs a sequence [batch, time, features],"
          + " but '" + in.name() + "' is " + in.shape() + ".");
    }
    return ShapeResult.ok(Shape.of(in.shape().last()));
  }

  /** {@code @MultiHeadAttention}: the query's shape; query and memory are sequences. */
  public static ShapeResult multiHeadAttention(String node, int heads, int keyDim, double dropout, boolean causal,
      List<NamedShape> ins) {
    String label = "@MultiHeadAttention on '" + node + "'";
    if (heads < 1) {
      return ShapeResult.error("MultiHeadAttention.heads", label + " needs heads >= 1, but found heads = " + heads
          + ".", "heads");
    }
    if (keyDim < 1) {
      return ShapeResult.error("MultiHeadAttention.keyDim", label + " needs keyDim >= 1, but found keyDim = "
          + keyDim + ". Use the model width divided by heads.", "keyDim");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      return ShapeResult.error("MultiHeadAttention.dropout", label + " needs dropout in [0, 1), but found dropout = "
          + dropout + ".", "dropout");
    }
    for (NamedShape in : ins) {
      if (in.shape().rank() != 3) {
        return ShapeResult.error("Shape.rank", label + " needs sequences [batch, time, features], but '" + in.name()
            + "' is " + in.shape() + ".");
      }
    }
    if (causal && ins.size() == 2 && !ins.get(0).shape().dims().get(0).equals(ins.get(1).shape().dims().get(0))) {
      return ShapeResult.error("MultiHeadAttention.causal", label + " is causal, which needs as many query as memory"
          + " steps, but '" + ins.get(0).name() + "' is " + ins.get(0).shape() + " and '" + ins.get(1).name()
          + "' is " + ins.get(1).shape() + ".", "causal");
    }
    return ShapeResult.ok(ins.get(0).shape());
  }

  /** {@code @TransformerEncoder}: {@code [batch, time, d]} with {@code d} a multiple of heads, same shape out. */
  public static ShapeResult transformerEncoder(String node, int layers, int heads, int feedForward, double dropout,
      double epsilon, NamedShape in) {
    String label = "@TransformerEncoder on '" + node + "'";
    if (layers < 1) {
      return ShapeResult.error("TransformerEncoder.layers", label + " needs layers >= 1, but found layers = "
          + layers + ".", "layers");
    }
    if (heads < 1) {
      return ShapeResult.error("TransformerEncoder.heads", label + " needs heads >= 1, but found heads = " + heads
          + ".", "heads");
    }
    if (feedForward < 1) {
      return ShapeResult.error("TransformerEncoder.feedForward", label + " needs feedForward >= 1, but found"
          + " feedForward = " + feedForward + ". BERT uses 4 times the model width.", "feedForward");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      return ShapeResult.error("TransformerEncoder.dropout", label + " needs dropout in [0, 1), but found dropout = "
          + dropout + ".", "dropout");
    }
    if (!(epsilon > 0)) {
      return ShapeResult.error("TransformerEncoder.epsilon", label + " needs epsilon > 0, but found epsilon = "
          + epsilon + ".", "epsilon");
    }
    if (in.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " needs a sequence [batch, time, d], but '" + in.name() + "' is "
          + in.shape() + "; put it after an @Embedding (and a @PositionalEmbedding).");
    }
    int width = in.shape().last();
    if (width % heads != 0) {
      return ShapeResult.error("TransformerEncoder.heads", label + " needs the model width to be a multiple of heads,"
          + " but '" + in.name() + "' is " + in.shape() + " and heads = " + heads + ". Use heads dividing " + width
          + ".", "heads");
    }
    return ShapeResult.ok(in.shape());
  }
}
