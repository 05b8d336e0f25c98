package app.plugboard.cyclefixture.shop;

import app.plugboard.cyclefixture.shop.web.CartPage;

public record Cart(CartPage page) {
}
