package dev.deepwire.processor.check;

import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.NodeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Sorts a model's nodes topologically, or finds a cycle among them. */
final class GraphOrder {

  /**
   * The result of sorting.
   *
   * @param order all nodes in topological order (ties broken by declaration order), when acyclic
   * @param cycle the names along one cycle in data-flow order, first name repeated last; empty if acyclic
   */
  record Sorted(List<NodeSpec> order, List<String> cycle) {}

  private GraphOrder() {}

  /** Sorts {@code nodes}, whose inputs must all name nodes of the list. */
  static Sorted sort(List<NodeSpec> nodes) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).name(), i);
    }
    int[] pending = new int[nodes.size()];
    List<List<Integer>> consumers = new ArrayList<>();
    nodes.forEach(n -> consumers.add(new ArrayList<>()));
    for (int i = 0; i < nodes.size(); i++) {
      for (InputRef in : nodes.get(i).inputs()) {
        consumers.get(index.get(in.name())).add(i);
        pending[i]++;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<NodeSpec> order = new ArrayList<>();
    boolean[] done = new boolean[nodes.size()];
    while (!ready.isEmpty()) {
      int i = ready.poll();
      done[i] = true;
      order.add(nodes.get(i));
      for (int c : consumers.get(i)) {
        if (--pending[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (order.size() == nodes.size()) {
      return new Sorted(order, List.of());
    }
    return new Sorted(List.of(), cycle(nodes, index, done));
  }

  private static List<String> cycle(List<NodeSpec> nodes, Map<String, Integer> index, boolean[] done) {
    int start = 0;
    while (done[start]) {
      start++;
    }
    List<Integer> walk = new ArrayList<>();
    int current = start;
    while (!walk.contains(current)) {
      walk.add(current);
      for (InputRef in : nodes.get(current).inputs()) {
        int i = index.get(in.name());
        if (!done[i]) {
          current = i;
          break;
        }
      }
    }
    List<Integer> loop = new ArrayList<>(walk.subList(walk.indexOf(current), walk.size()));
    Collections.reverse(loop);
    int first = loop.indexOf(Collections.min(loop));
    Collections.rotate(loop, -first);
    List<String> names = new ArrayList<>();
    loop.forEach(i -> names.add(nodes.get(i).name()));
    names.add(names.get(0));
    return names;
  }
}
