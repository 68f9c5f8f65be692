package io.eurus.ingest.fetch;

/** The validators of the last full response, sent back so that an unchanged feed answers 304. */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);
}
