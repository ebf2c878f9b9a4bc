package io.kommander.supportbot.catalog;

/**
 * The catalog cannot be used; the message names the file, line and field, fit for a log or a user.
 */
public final class CatalogException extends RuntimeException {
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
