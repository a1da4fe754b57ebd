package dev.mmcheck.properties;
