/**
 * Knowledge base: fault-resolution articles in English and Chinese, searched with Apache Lucene
 * ({@code search}) and measured against a labelled query set ({@code eval}).
 */
package dev.callcenter.kb;
