package dev.deepwire.examples;

import com.google.inject.Module;
import java.util.function.Supplier;

/**
 * An example built on one {@code @Model} class: its name and description, and a fresh {@link ModelRun} of
 * the model from the generated Guice module.
 *
 * @param <M> the annotated model class
 */
public abstract class ModelExample<M> implements Example {

  private final String name;
  private final String description;
  private final Supplier<Module> module;
  private final Class<M> modelClass;

  protected ModelExample(String name, String description, Supplier<Module> module, Class<M> modelClass) {
    this.name = name;
    this.description = description;
    this.module = module;
    this.modelClass = modelClass;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  /** A new instance of the model's generated Guice module. */
  protected Module module() {
    return module.get();
  }

  /** The annotated model class. */
  protected Class<M> modelClass() {
    return modelClass;
  }

  /** The model with weights initialised from {@code seed}; close it when done. */
  protected ModelRun<M> start(long seed) {
    return ModelRun.start(module.get(), modelClass, seed);
  }
}
