package dev.deepwire.processor;

import java.util.List;

/** Canonical names of the Deepwire annotations, so the processor never loads the runtime. */
public final class AnnotationNames {

  private static final String PACKAGE = "dev.deepwire.annotations.";

  public static final String MODEL = PACKAGE + "Model";
  public static final String TENSOR = PACKAGE + "Tensor";
  public static final String INPUT = PACKAGE + "Input";
  public static final String OUTPUT = PACKAGE + "Output";
  public static final String DENSE = PACKAGE + "Dense";
  public static final String DROPOUT = PACKAGE + "Dropout";
  public static final String FLATTEN = PACKAGE + "Flatten";
  public static final String RESHAPE = PACKAGE + "Reshape";
  public static final String ACTIVATION = PACKAGE + "Activation";
  public static final String CONCATENATE = PACKAGE + "Concatenate";
  public static final String ADD = PACKAGE + "Add";

  /** The annotations that make a member a layer, {@code @Output} excluded. */
  public static final List<String> LAYERS =
      List.of(INPUT, DENSE, DROPOUT, FLATTEN, RESHAPE, ACTIVATION, CONCATENATE, ADD);

  private AnnotationNames() {}
}
