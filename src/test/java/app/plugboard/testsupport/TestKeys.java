package app.plugboard.testsupport;

/** Encryption keys for tests only (base64 of 32 bytes each). */
public final class TestKeys {

    /** The key every Spring test context runs with. */
    public static final String CURRENT = "dGVzdC1rZXktZm9yLXBsdWdib2FyZC10ZXN0cy0zMmI=";
    public static final String OTHER = "b3RoZXIta2V5LWZvci1wbHVnYm9hcmQtdGVzdHMtMzI=";

    private TestKeys() {
    }
}
