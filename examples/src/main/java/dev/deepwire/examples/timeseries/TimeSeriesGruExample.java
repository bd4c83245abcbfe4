package dev.deepwire.examples.timeseries;

/** {@code timeseries-gru}: the GRU forecaster {@link SunspotGru} on yearly sunspot numbers. */
public final class TimeSeriesGruExample extends ForecastExample<SunspotGru> {

  public TimeSeriesGruExample() {
    super(SunspotGru.class, SunspotGruModule::new);
  }

  @Override
  public String name() {
    return "timeseries-gru";
  }

  @Override
  public String description() {
    return "GRU forecasting next year's sunspot number from the 12 before; last 30 years (1979-2008) held out";
  }
}
