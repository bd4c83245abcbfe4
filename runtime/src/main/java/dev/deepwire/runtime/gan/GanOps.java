package dev.deepwire.runtime.gan;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The handles of an assembled GAN graph.
 *
 * @param noise the generator's input {@code [batch, latent]}
 * @param real real examples {@code [batch, ...]}, the discriminator's input shape
 * @param training 1 while a side trains, 0 (its default) when generating
 * @param step the training step keying stateless random layers
 * @param generated the generator's output
 * @param reported per-batch scalars: {@code d_loss}, {@code g_loss}, {@code d_real} and {@code d_fake} (the
 *     discriminator's mean probability of "real" on real and on generated examples), stacked in that order
 * @param discriminatorStep one optimizer step of the discriminator's weights only
 * @param generatorStep one optimizer step of the generator's weights only
 * @param generatorWeights the generator's trainable weights by path
 * @param discriminatorWeights the discriminator's trainable weights by path
 */
record GanOps(
    Placeholder<TFloat32> noise,
    Placeholder<TFloat32> real,
    Operand<TFloat32> training,
    Operand<TInt64> step,
    Operand<TFloat32> generated,
    Operand<TFloat32> reported,
    Op discriminatorStep,
    Op generatorStep,
    Map<String, Variable<TFloat32>> generatorWeights,
    Map<String, Variable<TFloat32>> discriminatorWeights) {}
