package io.github.camelbtp.sandbox;

import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.util.List;

/** The HTTP endpoints of the sandbox's services and demo backends, each on a free loopback port of its own. */
record Endpoints(HttpEndpoint token, HttpEndpoint destination, HttpEndpoint sales, HttpEndpoint cloudApi,
        HttpEndpoint abap) {

    /** Binds the ports (closed with {@code resources}); nothing is served before {@link #start()}. */
    static Endpoints open(Resources resources) {
        return new Endpoints(resources.own(new HttpEndpoint("token-service", 4)),
                resources.own(new HttpEndpoint("destination-service", 8)),
                resources.own(new HttpEndpoint("sales-backend", 4)),
                resources.own(new HttpEndpoint("cloud-api", 4)),
                resources.own(new HttpEndpoint("abap-system", 4)));
    }

    void start() {
        for (HttpEndpoint endpoint : List.of(token, destination, sales, cloudApi, abap)) {
            endpoint.start();
        }
    }
}
