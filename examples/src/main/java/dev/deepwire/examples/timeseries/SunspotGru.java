package dev.deepwire.examples.timeseries;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.GRU;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** A GRU forecaster: 12 standardised years ({@code [12, 1]}) to a 32-unit state and next year's number. */
@Model(loss = Loss.MSE, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-2), metrics = Metric.RMSE)
public class SunspotGru {
  @Input(shape = {SunspotSeries.WINDOW, 1}) Tensor history;
  @GRU(units = 32) Tensor state;
  @Output @Dense(units = 1) Tensor next;
}
