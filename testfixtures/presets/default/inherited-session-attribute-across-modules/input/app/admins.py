from app.users import UserRepo


class AdminRepo(UserRepo):
    def promote(self, id: int):
        user = self.get(id)
        user.admin = True
        self.session.commit()
        return user
