package dev.deepwire.runtime.data;

/** The element types of the IDX format, with their type codes (the third magic byte) and sizes. */
public enum IdxType {
  UNSIGNED_BYTE(0x08, 1, "unsigned byte"),
  SIGNED_BYTE(0x09, 1, "signed byte"),
  SHORT(0x0B, 2, "short"),
  INT(0x0C, 4, "int"),
  FLOAT(0x0D, 4, "float"),
  DOUBLE(0x0E, 8, "double");

  private final int code;
  private final int bytes;
  private final String label;

  IdxType(int code, int bytes, String label) {
    this.code = code;
    this.bytes = bytes;
    this.label = label;
  }

  /** The type code, e.g. {@code 0x08}. */
  public int code() {
    return code;
  }

  /** The size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** Whether the type holds whole numbers. */
  public boolean isIntegral() {
    return this != FLOAT && this != DOUBLE;
  }

  /** The type of {@code code}, or {@code null} if no type has it. */
  public static IdxType ofCode(int code) {
    for (IdxType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label + String.format(" (0x%02X)", code);
  }
}
