package app.plugboard.cyclefixture.orders;

import app.plugboard.cyclefixture.billing.Invoice;

public record Order(String id, Invoice invoice) {
}
