package io.kommander.supportbot.query;

/** A failure in one log line: what it was and where it happened, never a page of stack trace. */
public final class Failures {
  private Failures() {}

  /** "java.lang.StackOverflowError at VersionToken.java:42", cut to a log line's length. */
  public static String oneLine(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where =
        trace.length == 0 ? "" : " at " + trace[0].getFileName() + ":" + trace[0].getLineNumber();
    return QueryParser.shorten(e + where, 300);
  }
}
