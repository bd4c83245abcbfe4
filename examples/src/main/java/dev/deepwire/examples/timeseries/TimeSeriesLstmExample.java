package dev.deepwire.examples.timeseries;

/** {@code timeseries-lstm}: the LSTM forecaster {@link SunspotLstm} on yearly sunspot numbers. */
public final class TimeSeriesLstmExample extends ForecastExample<SunspotLstm> {

  public TimeSeriesLstmExample() {
    super(SunspotLstm.class, SunspotLstmModule::new);
  }

  @Override
  public String name() {
    return "timeseries-lstm";
  }

  @Override
  public String description() {
    return "LSTM forecasting next year's sunspot number from the 12 before; last 30 years (1979-2008) held out";
  }
}
