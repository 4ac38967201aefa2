package org.roadmapbot.core;

/** The kinds of option a command takes; they map one-to-one onto Discord option types. */
public enum OptionType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    USER,
    CHANNEL
}
