/** mmcheck engine. */
package dev.mmcheck.engine;
