def test_create_item(client):
    response = client.post("/items", params={"title": "pen"})
    assert response.status_code == 200
    assert response.json()["title"] == "pen"
