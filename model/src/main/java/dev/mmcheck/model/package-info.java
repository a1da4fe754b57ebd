package dev.mmcheck.model;
