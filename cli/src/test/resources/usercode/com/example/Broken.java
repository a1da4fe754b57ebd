package com.example;

import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Param;

/** Test classes that cannot be used, each for another reason. */
public final class Broken {
  private Broken() {}

  /** Not a property. */
  public static final class NotAProperty {}

  /** No usable constructor. */
  public static final class NeedsAnInt implements Property {
    public NeedsAnInt(int x) {}

    @Override
    public String name() {
      return "needs-an-int";
    }
  }

  /** Abstract. */
  public abstract static class Abstract implements Property {}

  /** A @Param of a type a config cannot give. */
  public static final class BadParamType implements Property {
    public BadParamType(@Param("when") java.util.Date when) {}

    @Override
    public String name() {
      return "bad-param-type";
    }
  }

  /** Throws in its constructor. */
  public static final class Throws implements Property {
    public Throws() {
      throw new IllegalStateException("not today");
    }

    @Override
    public String name() {
      return "throws";
    }
  }
}
