package dev.deepwire.runtime.tensorboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;

/** Finds and reads TensorBoard event files ({@code events.out.tfevents.*}). */
public final class EventFiles {

  /** The prefix every event file name starts with. */
  public static final String PREFIX = "events.out.tfevents.";

  private EventFiles() {}

  /** The event files directly in {@code dir}, oldest name first (names start with the creation time). */
  public static List<Path> in(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .toList();
    }
  }

  /** Every event of every event file directly in {@code dir}, file by file. */
  public static List<Event> readDir(Path dir) throws IOException {
    List<Path> files = in(dir);
    if (files.isEmpty()) {
      throw new IOException("no " + PREFIX + "* file in " + dir);
    }
    List<Event> events = new ArrayList<>();
    for (Path file : files) {
      events.addAll(read(file));
    }
    return events;
  }

  /** Every event of {@code file}, in file order. */
  public static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    for (byte[] record : TfRecords.read(file)) {
      events.add(Event.parseFrom(record));
    }
    return events;
  }
}
