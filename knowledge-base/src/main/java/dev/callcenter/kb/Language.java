package dev.callcenter.kb;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Language an article is written in, with its BCP 47 tag. */
public enum Language {
  EN("en"),
  ZH_TW("zh-TW"),
  ZH_CN("zh-CN");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  @JsonValue
  public String tag() {
    return tag;
  }

  public boolean isChinese() {
    return this != EN;
  }

  /** Parses a tag such as {@code en}, {@code zh-TW}; case-insensitive, {@code _} accepted. */
  @JsonCreator
  public static Language ofTag(String tag) {
    String normalised = tag == null ? "" : tag.strip().replace('_', '-');
    return Arrays.stream(values())
        .filter(l -> l.tag.equalsIgnoreCase(normalised))
        .findFirst()
        .orElseThrow(() -> new KnowledgeBaseException("unknown language tag: " + tag));
  }
}
