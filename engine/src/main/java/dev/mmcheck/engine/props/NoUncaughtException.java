package dev.mmcheck.engine.props;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadListener;
import dev.mmcheck.engine.ThreadRef;
import java.util.ArrayList;
import java.util.List;

/** A model thread's body must not throw. The report shows the exception and its model stack. */
public final class NoUncaughtException implements Property, ThreadListener {
  @Override
  public String name() {
    return "uncaught-exception";
  }

  @Override
  public String description() {
    return "no model thread ends by throwing an exception";
  }

  @Override
  public void threadFailed(ExecutionContext ctx, ThreadRef thread, Throwable error) {
    List<String> details = new ArrayList<>();
    for (StackTraceElement f : error.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.")) {
        continue;
      }
      if (c.startsWith("dev.mmcheck.engine.") && c.indexOf('.', "dev.mmcheck.engine.".length()) < 0
          && !c.endsWith("Test")) {
        continue;
      }
      details.add("at " + f);
    }
    ctx.report(this, "uncaught " + error.getClass().getSimpleName() + " in " + thread + ": " + error.getMessage(),
        details);
  }
}
