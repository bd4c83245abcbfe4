package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class ModelBindingsTest {

  /** What an application class looks like: the runtime's services injected for one model. */
  static final class App {
    final Trainer<TwoBlobsModel> trainer;
    final Predictor<TwoBlobsModel> predictor;
    final Evaluator<TwoBlobsModel> evaluator;

    @Inject
    App(Trainer<TwoBlobsModel> trainer, Predictor<TwoBlobsModel> predictor, Evaluator<TwoBlobsModel> evaluator) {
      this.trainer = trainer;
      this.predictor = predictor;
      this.evaluator = evaluator;
    }
  }

  @Test
  void injectedTrainerAndPredictorShareOneModel() {
    Injector injector = Guice.createInjector(ModelBindings.of(TwoBlobsModel.class, new TwoBlobsModel()));
    try (CompiledModel<TwoBlobsModel> model =
        injector.getInstance(Key.get(new TypeLiteral<CompiledModel<TwoBlobsModel>>() {}))) {
      App app = injector.getInstance(App.class);
      assertSame(model, injector.getInstance(Key.get(new TypeLiteral<CompiledModel<TwoBlobsModel>>() {})));
      float[] before = app.predictor.predict(new float[] {1f, 1f});
      app.trainer.fit(TwoBlobsModel.blobs(200, 1), FitOptions.builder().epochs(3).progressBar(false).build());
      float[] after = app.predictor.predict(new float[] {1f, 1f});
      assertTrue(after[1] > before[1], "the injected predictor sees what the injected trainer learnt");
      assertTrue(app.evaluator.evaluate(TwoBlobsModel.blobs(100, 2)).get("accuracy") > 0.9);
      assertEquals(RuntimeOptions.defaults(), model.options());
    }
  }

  @Test
  void runtimeOptionsCanBeOverriddenAndTwoModelsCoexist() {
    RuntimeOptions custom = new RuntimeOptions(123, 1, 1);
    Injector injector = Guice.createInjector(
        ModelBindings.of(TwoBlobsModel.class, new TwoBlobsModel()),
        ModelBindings.of(String.class, new TwoBlobsModelAsString()),
        binder -> OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(custom));
    try (CompiledModel<TwoBlobsModel> model =
        injector.getInstance(Key.get(new TypeLiteral<CompiledModel<TwoBlobsModel>>() {}))) {
      assertEquals(custom, model.options());
    }
  }

  /** A second model class for the injector (any type can key a model). */
  static final class TwoBlobsModelAsString implements ModelGraph<String> {
    private final TwoBlobsModel delegate = new TwoBlobsModel();

    @Override
    public ModelSignature signature() {
      return delegate.signature();
    }

    @Override
    public java.util.Map<String, org.tensorflow.Operand<org.tensorflow.types.TFloat32>> forward(
        dev.deepwire.runtime.layers.LayerScope scope,
        java.util.Map<String, org.tensorflow.Operand<org.tensorflow.types.TFloat32>> inputs) {
      return delegate.forward(scope, inputs);
    }
  }
}
