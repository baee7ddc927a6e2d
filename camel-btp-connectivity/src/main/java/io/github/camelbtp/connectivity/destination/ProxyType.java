package io.github.camelbtp.connectivity.destination;

/** SAP's values of {@code ProxyType} [http-destinations-42a0e6b], as SAP spells them; read with {@link Destination#proxyType()}. */
@SuppressWarnings("java:S115") // SAP's spelling: the value is the name
public enum ProxyType {
    Internet, OnPremise, PrivateLink
}
