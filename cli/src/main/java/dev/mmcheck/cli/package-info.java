package dev.mmcheck.cli;
