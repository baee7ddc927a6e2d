package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.destination.Destination;

/** Step 4 of the engine, <em>Dispatch</em>: decides how a destination's traffic travels. */
public interface Dispatch {

    DispatchPlan plan(Destination destination);
}
