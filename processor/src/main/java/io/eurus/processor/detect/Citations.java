package io.eurus.processor.detect;

import io.eurus.events.StoryRef;
import io.eurus.events.TermWeight;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import java.util.List;

/** What an alert cites beyond the detector's numbers: the terms that moved, and the stories behind articles. */
public interface Citations {

  /**
   * The terms of {@code stats} that moved most against {@code series}' term baseline: by tone weight per story the
   * way of {@code sign} (-1 or 1), or by frequency per window when {@code sign} is 0.
   */
  List<TermWeight> movedTerms(Series series, WindowStats stats, double sign);

  /** The story, as it stands, or null when it is no longer known. */
  StoryRef story(String storyId, long around);
}
