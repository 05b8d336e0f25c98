package app.plugboard.cyclefixture.billing;

public record Invoice(String id) {
}
