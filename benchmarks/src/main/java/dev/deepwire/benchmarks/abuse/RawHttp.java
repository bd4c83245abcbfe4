package dev.deepwire.benchmarks.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes over a fresh socket exactly as given, well-formed HTTP or not, and reads the status code back. */
final class RawHttp {

  /** The connection closed before a status line came. */
  static final int CLOSED = -1;
  /** No status line within the timeout. */
  static final int TIMED_OUT = -2;

  private RawHttp() {}

  /**
   * Writes {@code request} (in pieces of {@code chunk} bytes, {@code pauseMillis} apart when {@code chunk > 0})
   * and returns the reply's status code, {@link #CLOSED} or {@link #TIMED_OUT}.
   *
   * @param hangUpAfter stop writing and close after this many bytes (an aborted upload); -1 to send everything
   */
  static int exchange(InetSocketAddress server, byte[] request, int chunk, long pauseMillis, int hangUpAfter,
      int timeoutMillis) throws InterruptedException {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      int length = hangUpAfter >= 0 ? Math.min(hangUpAfter, request.length) : request.length;
      try {
        write(socket.getOutputStream(), request, length, chunk, pauseMillis);
      } catch (IOException e) {
        // The server may answer and close before reading everything (413): read what it said.
      }
      if (hangUpAfter >= 0) {
        return CLOSED;
      }
      return statusCode(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      return TIMED_OUT;
    } catch (IOException e) {
      return CLOSED;
    }
  }

  private static void write(OutputStream out, byte[] bytes, int length, int chunk, long pauseMillis)
      throws IOException, InterruptedException {
    if (chunk <= 0) {
      out.write(bytes, 0, length);
      out.flush();
      return;
    }
    for (int from = 0; from < length; from += chunk) {
      out.write(bytes, from, Math.min(chunk, length - from));
      out.flush();
      Thread.sleep(pauseMillis);
    }
  }

  private static int statusCode(InputStream in) throws IOException {
    byte[] line = new byte[64];
    int n = 0;
    while (n < line.length) {
      int b = in.read();
      if (b < 0 || b == '\n') {
        break;
      }
      line[n++] = (byte) b;
    }
    String text = new String(line, 0, n, StandardCharsets.US_ASCII);
    if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
      return CLOSED;
    }
    return Integer.parseInt(text.substring(9, 12));
  }
}
