package dev.deepwire.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.deepwire.processor.TypeNames;
import dev.deepwire.processor.model.ModelSpec;
import java.util.List;

/** Names of a model's class and of the classes generated for it. */
public final class GeneratedNames {

  /** The processor named in {@code @Generated}. */
  public static final String PROCESSOR = "dev.deepwire.processor.DeepwireProcessor";

  private GeneratedNames() {}

  /** The annotated model class. */
  public static ClassName model(ModelSpec spec) {
    List<String> names = spec.simpleNames();
    return ClassName.get(spec.packageName(), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  /** {@code <Name>Graph}; nested models are joined with underscores, e.g. {@code Outer_InnerGraph}. */
  public static ClassName graph(ModelSpec spec) {
    return ClassName.get(spec.packageName(), String.join("_", spec.simpleNames()) + "Graph");
  }

  /** {@code <Name>Module}. */
  public static ClassName module(ModelSpec spec) {
    return ClassName.get(spec.packageName(), String.join("_", spec.simpleNames()) + "Module");
  }

  /** {@code @Generated("dev.deepwire.processor.DeepwireProcessor")}, with no date so output is deterministic. */
  public static AnnotationSpec generated() {
    return AnnotationSpec.builder(TypeNames.GENERATED).addMember("value", "$S", PROCESSOR).build();
  }
}
