package dev.deepwire.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Types;

/**
 * Guice bindings for one model class {@code M}: {@code ModelGraph<M>}, a singleton
 * {@code CompiledModel<M>}, and {@code Trainer<M>}, {@code Evaluator<M>}, {@code Predictor<M>} over it.
 * Generated {@code <Name>Module}s install this; apps install those.
 *
 * <p>{@link RuntimeOptions} default to {@link RuntimeOptions#defaults()}; override them with
 * {@code OptionalBinder.newOptionalBinder(binder(), RuntimeOptions.class).setBinding().toInstance(...)}.
 */
public final class ModelBindings<M> extends AbstractModule {

  private final Class<M> modelClass;
  private final ModelGraph<M> graph;

  private ModelBindings(Class<M> modelClass, ModelGraph<M> graph) {
    this.modelClass = modelClass;
    this.graph = graph;
  }

  /** The bindings of model {@code modelClass}, whose generated graph is {@code graph}. */
  public static <M> Module of(Class<M> modelClass, ModelGraph<M> graph) {
    return new ModelBindings<>(modelClass, graph);
  }

  @Override
  protected void configure() {
    install(new RuntimeDefaults());
    bind(key(ModelGraph.class)).toInstance(graph);
    Provider<RuntimeOptions> options = getProvider(RuntimeOptions.class);
    Key<CompiledModel<M>> compiled = key(CompiledModel.class);
    bind(compiled).toProvider(() -> CompiledModel.compile(graph, options.get())).in(Singleton.class);
    Provider<CompiledModel<M>> model = getProvider(compiled);
    bind(key(Trainer.class)).toProvider(() -> model.get().trainer());
    bind(key(Evaluator.class)).toProvider(() -> model.get().evaluator());
    bind(key(Predictor.class)).toProvider(() -> model.get().predictor());
  }

  /** {@code Key<Generic<M>>} for this model class. */
  @SuppressWarnings("unchecked")
  private <T> Key<T> key(Class<?> generic) {
    return (Key<T>) Key.get(Types.newParameterizedType(generic, modelClass));
  }

  /** Default runtime options, installed once however many models an injector has. */
  private static final class RuntimeDefaults extends AbstractModule {
    @Override
    protected void configure() {
      OptionalBinder.newOptionalBinder(binder(), RuntimeOptions.class)
          .setDefault().toInstance(RuntimeOptions.defaults());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RuntimeDefaults;
    }

    @Override
    public int hashCode() {
      return RuntimeDefaults.class.hashCode();
    }
  }
}
