package io.eurus.cli.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The lines of a UTF-8 file with their byte offsets, read in large blocks; blank lines are skipped. */
final class JsonLines {

  /** One line: its number (from 1), where it starts, and its bytes (the first {@code length} of {@code bytes}). */
  interface LineHandler {
    void line(int number, long offset, byte[] bytes, int length) throws IOException;
  }

  private JsonLines() {
  }

  static void forEach(InputStream in, LineHandler handler) throws IOException {
    byte[] block = new byte[1 << 16];
    byte[] line = new byte[1 << 12];
    int length = 0;
    int number = 0;
    long offset = 0;
    long start = 0;
    for (int read = in.read(block); read >= 0; read = in.read(block)) {
      for (int i = 0; i < read; i++, offset++) {
        byte b = block[i];
        if (b != '\n') {
          if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
          }
          line[length++] = b;
          continue;
        }
        number++;
        emit(handler, number, start, line, length);
        length = 0;
        start = offset + 1;
      }
    }
    if (length > 0) {
      emit(handler, number + 1, start, line, length);
    }
  }

  private static void emit(LineHandler handler, int number, long start, byte[] line, int length) throws IOException {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    for (int i = 0; i < end; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        handler.line(number, start, line, end);
        return;
      }
    }
  }
}
