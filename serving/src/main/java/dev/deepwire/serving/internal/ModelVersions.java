package dev.deepwire.serving.internal;

import dev.deepwire.runtime.export.ServingLayout;
import dev.deepwire.serving.BatchingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served versions of one model: what {@link #refresh()} found under its base folder, loaded; versions
 * that appear are loaded and versions whose folder disappears are unloaded.
 */
public final class ModelVersions implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelVersions.class);

  private final String name;
  private final Path base;
  private final int intraOpThreads;
  private final BatchingConfig batching;
  private final ServingMetrics metrics;
  private final NavigableMap<Long, Servable> loaded = new ConcurrentSkipListMap<>();
  private final Map<Long, String> failed = new ConcurrentHashMap<>();

  public ModelVersions(String name, Path base, int intraOpThreads, BatchingConfig batching, ServingMetrics metrics) {
    this.name = name;
    this.base = base;
    this.intraOpThreads = intraOpThreads;
    this.batching = batching;
    this.metrics = metrics;
  }

  public String name() {
    return name;
  }

  public Path base() {
    return base;
  }

  /** Loads new versions and unloads removed ones; a version that fails to load is not retried. */
  public synchronized void refresh() {
    List<Long> present;
    try {
      present = ServingLayout.versions(base);
    } catch (IOException e) {
      LOG.warn("cannot list {} for model {}: {}", base, name, e.toString());
      return;
    }
    for (long version : present) {
      if (loaded.containsKey(version) || failed.containsKey(version)) {
        continue;
      }
      Path dir = ServingLayout.versionDir(base, version);
      if (!BaseFolder.contains(base, dir)) {
        failed.put(version, "its folder leads outside " + base);
        LOG.warn("model {} version {} not loaded: {} leads outside the base folder", name, version, dir);
        continue;
      }
      try {
        loaded.put(version, Servable.load(name, version, dir, intraOpThreads, batching, metrics));
        LOG.info("model {} version {} loaded from {}", name, version, base);
      } catch (RuntimeException e) {
        failed.put(version, String.valueOf(e.getMessage()));
        LOG.warn("model {} version {} failed to load: {}", name, version, e.toString());
      }
    }
    Set<Long> gone = new HashSet<>(loaded.keySet());
    gone.removeAll(present);
    for (long version : gone) {
      loaded.remove(version).retire();
      LOG.info("model {} version {} unloaded", name, version);
    }
    failed.keySet().retainAll(present);
  }

  /**
   * The version asked for (the highest when {@code version} is null), acquired: release it when done.
   *
   * @throws ServingError 404 for a version not served, 503 when no version is loaded yet
   */
  public Servable acquire(Long version) {
    while (true) {
      Map.Entry<Long, Servable> entry;
      if (version == null) {
        entry = loaded.lastEntry();
        if (entry == null) {
          throw ServingError.unavailable("model '" + name + "' has no version loaded yet (watching " + base + ")");
        }
      } else {
        Servable servable = loaded.get(version);
        if (servable == null) {
          throw ServingError.notFound("Servable not found for request: Specific(" + name + ", " + version + ")");
        }
        entry = Map.entry(version, servable);
      }
      if (entry.getValue().acquire()) {
        return entry.getValue();
      }
    }
  }

  /** The loaded versions, ascending. */
  public Set<Long> versions() {
    return loaded.keySet();
  }

  /** Versions that failed to load, with the error. */
  public Map<Long, String> failures() {
    return Map.copyOf(failed);
  }

  @Override
  public synchronized void close() {
    loaded.values().forEach(Servable::retire);
    loaded.clear();
  }
}
