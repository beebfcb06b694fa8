package com.ingrammicro.masterpayer.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that well-behaved clients refuse to send: any method,
 * a request target exactly as given ({@code //api}, {@code ;x}, {@code %00}), header values with
 * control characters or non-ASCII bytes, headers of any size.
 */
public final class RawHttp {

  /** A header to send; its value goes out as UTF-8 bytes. */
  public record Header(String name, String value) {}

  public record Answer(int status, Map<String, String> headers, byte[] body) {

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String text = text();
      return status
          + " "
          + contentType()
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public static Header bearer(String token) {
    return new Header("Authorization", "Bearer " + token);
  }

  public static Header basic(String user) {
    String credentials = user.contains(":") ? user : user + ":" + user;
    return new Header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  public Answer send(String method, String target, List<Header> headers, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      line(request, method + " " + target + " HTTP/1.1");
      line(request, "Host: 127.0.0.1:" + port);
      line(request, "Connection: close");
      for (Header header : headers) {
        line(request, header.name() + ": " + header.value());
      }
      if (body != null) {
        line(request, "Content-Length: " + body.length);
      }
      line(request, "");
      if (body != null) {
        request.writeBytes(body);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {'\r', '\n'});
  }

  private static Answer parse(byte[] response) throws IOException {
    int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IOException(
          "No complete response: " + new String(response, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd =
          indexOf(
                  java.util.Arrays.copyOfRange(chunked, at, chunked.length),
                  new byte[] {'\r', '\n'})
              + at;
      String size =
          new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
