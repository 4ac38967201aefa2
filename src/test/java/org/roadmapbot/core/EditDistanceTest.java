package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void distanceWithinTheBound() {
        assertThat(EditDistance.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.distance("salery", "salary", 1)).isEqualTo(1);
        assertThat(EditDistance.distance("same", "same", 0)).isZero();
    }

    @Test
    void stopsAtItsBound() {
        assertThat(EditDistance.distance("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(EditDistance.distance("a", "abcdef", 2)).isEqualTo(3);
    }
}
