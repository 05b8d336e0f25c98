package app.plugboard.chat;

/** The mood of a card: Discord shows it as the embed's colour, the terminal as a marker. */
public enum Tone {
    NEUTRAL(0x5865F2),
    SUCCESS(0x3BA55C),
    WARNING(0xFAA61A),
    DANGER(0xED4245),
    MUTED(0x99AAB5);

    private final int rgb;

    Tone(int rgb) {
        this.rgb = rgb;
    }

    public int rgb() {
        return rgb;
    }
}
