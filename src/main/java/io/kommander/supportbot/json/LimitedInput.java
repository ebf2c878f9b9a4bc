package io.kommander.supportbot.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What another service sends, read up to a limit: a response that goes on past it fails with an
 * {@link IOException} as soon as it does, instead of filling the heap. For the remote catalog and
 * GitHub's answers.
 */
public final class LimitedInput extends FilterInputStream {
  /** The response went past the limit: the same response would again. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String what, long limit) {
      super(what + " is larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final String what;
  private long read;

  /**
   * @param what names the response in the failure: "the catalog"
   */
  public LimitedInput(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  /** Refuses a response whose declared length is already past the limit (-1: not declared). */
  public static void check(long declared, long limit, String what) throws TooLarge {
    if (declared > limit) {
      throw tooLong(limit, what);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    count(Math.max(n, 0));
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws IOException {
    read += n;
    if (read > limit) {
      throw tooLong(limit, what);
    }
  }

  private static TooLarge tooLong(long limit, String what) {
    return new TooLarge(what, limit);
  }
}
