/**
 * Step 4, Dispatch: one {@code Dispatch} per way of travelling ({@code DirectDispatch}, {@code OnPremiseHttpDispatch},
 * {@code OnPremiseSocksDispatch}), each producing a {@code DispatchPlan}; the root's {@code Pipeline} picks one per
 * destination. Uses auth, destination, binding, http, socks. A new way (SAP's Transparent Proxy on Kyma) is one new
 * class here.
 */
package io.github.camelbtp.connectivity.dispatch;
