package dev.callcenter.kb.embedding;

import java.util.List;

/** One loaded embedding model: texts in, raw (not yet normalised) vectors out. */
interface Encoder {

  float[] embed(String text);

  /** The vectors of these texts in their order, computed in batches. */
  List<float[]> embedAll(List<String> texts);
}
