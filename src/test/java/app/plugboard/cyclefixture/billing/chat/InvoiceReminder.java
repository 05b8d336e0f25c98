package app.plugboard.cyclefixture.billing.chat;

import app.plugboard.cyclefixture.orders.Order;

/** The back edge: billing's chat reaches into orders, as integration.chat once reached into workflow. */
public record InvoiceReminder(Order order) {
}
