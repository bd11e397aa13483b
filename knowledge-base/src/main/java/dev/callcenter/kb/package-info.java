/**
 * Knowledge base: fault-resolution articles in English and Chinese, searched with Apache Lucene.
 * Built in its own issue; empty until then.
 */
package dev.callcenter.kb;
