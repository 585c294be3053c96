from .models import Cart
