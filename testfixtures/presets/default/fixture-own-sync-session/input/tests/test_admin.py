def test_admin_role(admin):
    assert admin.role == "admin"
