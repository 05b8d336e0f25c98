package app.plugboard.cyclefixture.shop.web;

import app.plugboard.cyclefixture.shop.Cart;

public record CartPage(Cart cart) {
}
