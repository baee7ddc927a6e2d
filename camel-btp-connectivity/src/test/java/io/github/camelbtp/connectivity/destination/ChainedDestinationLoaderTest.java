package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order and name rules of the loader chain, with in-memory sources. */
class ChainedDestinationLoaderTest {

    private final StaticDestinationLoader statics = StaticDestinationLoader.of(Map.of("Shared", Map.of("URL", "http://static")));
    private final EnvironmentDestinationLoader environment = new EnvironmentDestinationLoader("""
            [{"name":"Shared","url":"http://environment"},{"name":"EnvOnly","url":"http://environment"}]""");

    @Test
    void firstSourceThatKnowsTheNameWins() {
        ChainedDestinationLoader chain = new ChainedDestinationLoader(List.of(statics, environment));

        assertThat(chain.load("Shared", DestinationOptions.NONE).orElseThrow().properties()).containsEntry("URL", "http://static");
        assertThat(chain.load("EnvOnly", DestinationOptions.NONE).orElseThrow().source()).isEqualTo(EnvironmentDestinationLoader.SOURCE);
    }

    @Test
    void unknownNameIsEmptyAndDescribeListsEverySourceInOrder() {
        ChainedDestinationLoader chain = new ChainedDestinationLoader(List.of(statics, environment));

        assertThat(chain.load("Nope", DestinationOptions.NONE)).isEmpty();
        assertThat(chain.describe()).startsWith(StaticDestinationLoader.SOURCE).endsWith(EnvironmentDestinationLoader.SOURCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../admin", "a/b", "a b", "name?x=1", "naïve", ""})
    void invalidNameIsRejectedBeforeAnySourceIsAsked(String name) {
        AtomicInteger asked = new AtomicInteger();
        DestinationLoader counting = new DestinationLoader() {
            @Override
            public Optional<Destination> load(String n, DestinationOptions options) {
                asked.incrementAndGet();
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "counting";
            }
        };

        assertThatThrownBy(() -> new ChainedDestinationLoader(List.of(counting)).load(name, DestinationOptions.NONE))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("not a valid destination name");
        assertThat(asked).hasValue(0);
    }

    @Test
    void nameOfTwoHundredCharactersIsValidAndLongerIsNot() {
        assertThat(DestinationNames.requireValid("a".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> DestinationNames.requireValid("a".repeat(201))).isInstanceOf(DestinationConfigurationException.class);
    }
}
